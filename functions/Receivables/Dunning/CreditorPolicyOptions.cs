namespace Receivables.Dunning;

public sealed class CreditorPolicyOptions
{
    public string Business { get; set; } = "b2b";

    public string Consumer { get; set; } = "b2c";
}
