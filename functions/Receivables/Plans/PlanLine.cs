using System.Globalization;
using System.Text.Json.Serialization;
using Receivables.Status;

namespace Receivables.Plans;

public sealed record PlanLine(string PlanId, string DebtorId, string Status, decimal Claim, string Currency, decimal Paid, int Missed, DateOnly? NextDue);
