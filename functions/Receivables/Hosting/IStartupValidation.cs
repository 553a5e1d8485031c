namespace Receivables.Hosting;

/// <summary>
/// A feature's check of its own settings, run when either host starts (a CLI command included). Throw a
/// <see cref="Common.ReceivablesException"/> naming the setting.
/// </summary>
public interface IStartupValidation
{
    void Validate();
}
