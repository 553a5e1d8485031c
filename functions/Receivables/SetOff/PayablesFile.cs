namespace Receivables.SetOff;

/// <summary>The newest payables export of a creditor: its name (for reports and evidence) and its text.</summary>
public sealed record PayablesFile(string Name, string Text);
