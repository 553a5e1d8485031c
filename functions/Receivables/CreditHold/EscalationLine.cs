using System.Globalization;
using System.Text.Json.Serialization;
using Receivables.Actions;
using Receivables.Status;

namespace Receivables.CreditHold;

public sealed record EscalationLine(string TaskId, string? DebtorId, string Recommendation);
