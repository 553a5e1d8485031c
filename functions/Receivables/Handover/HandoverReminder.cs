using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Receivables.Actions;
using Receivables.Common;
using Receivables.Dunning;
using Receivables.Escalation;
using Receivables.Evidence;
using Receivables.Ledger;
using Receivables.Storage;

namespace Receivables.Handover;

/// <summary>A message sent to the debtor, from the evidence archive.</summary>
public sealed record HandoverReminder(DateOnly Date, string Title, string? Level, string? MessageId);
