namespace Receivables.Dunning;

internal sealed class NoSendStepHook : ISendStepHook
{
    public void Reached(string step, string key)
    {
    }
}
