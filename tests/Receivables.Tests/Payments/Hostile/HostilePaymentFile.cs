namespace Receivables.Tests.Payments.Hostile;

/// <summary>
/// One bank file of the hostile-input corpus and what must happen to it: rejected with a report that names (at least)
/// the given fragments (record or XML line, and field) and nothing stored changed, or accepted (or recognised as a
/// duplicate) with an outcome that names the given fragments (warnings, reasons a payment was not placed).
/// </summary>
internal sealed record HostilePaymentFile(string Name, string Kind, byte[] Content, bool Rejected, IReadOnlyList<string> Mentions)
{
    public override string ToString() => $"{Kind}/{Name}";
}
