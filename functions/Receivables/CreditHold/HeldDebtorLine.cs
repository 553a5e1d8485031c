using System.Globalization;
using System.Text.Json.Serialization;
using Receivables.Actions;
using Receivables.Status;

namespace Receivables.CreditHold;

public sealed record HeldDebtorLine(string DebtorId, string HoldId, DateOnly Since, string Reason);
