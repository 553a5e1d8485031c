using Receivables.Web.Actions;

namespace Receivables.Web.Pages.Creditors;

/// <summary>What the creditor form's fields show: the values, a prefix that keeps the element ids of several forms apart, the policies to choose from, and whether the id can be typed (a new creditor).</summary>
public sealed record CreditorFields(CreditorForm Form, string Prefix, IReadOnlyList<string> Policies, bool NewCreditor);
