namespace Receivables.Dunning;

/// <summary>A hook between steps of the send-reminder handler (no-op in production; tests crash here).</summary>
public interface ISendStepHook
{
    void Reached(string step, string key);
}
