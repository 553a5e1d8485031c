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

/// <summary>The § 9 notice (inkassovarsel): when it went, how (email; post when a person posted it) and its deadline.</summary>
public sealed record HandoverCollectionNotice(DateOnly Date, DateOnly? Deadline, string Channel, DateOnly? PostedOn, string? MessageId);
