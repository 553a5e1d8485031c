using Receivables.Common;
using Receivables.Dunning;

namespace Receivables.Web.Actions;

/// <summary>One creditor on the creditors page: as the registry and settings give it, with its latest daily cycle.</summary>
public sealed record CreditorRow(RegisteredCreditor Creditor, CycleProgress? LatestCycle);
