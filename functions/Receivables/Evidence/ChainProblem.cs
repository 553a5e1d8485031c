namespace Receivables.Evidence;

/// <summary>One thing wrong with a chain, naming the entry or item (<see cref="Path"/>) it concerns.</summary>
public sealed record ChainProblem(string Path, string Message);
