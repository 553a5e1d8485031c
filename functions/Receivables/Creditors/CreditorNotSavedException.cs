using Receivables.Common;

namespace Receivables.Creditors;

/// <summary>A creditor change the registry refused, with each problem as data; its message is the problems as the CLI prints them.</summary>
public sealed class CreditorNotSavedException(IReadOnlyList<CreditorProblem> problems, string message) : ReceivablesException(message)
{
    public IReadOnlyList<CreditorProblem> Problems { get; } = problems;
}
