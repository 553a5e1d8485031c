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

public sealed record HandoverApproval(string TaskId, string Note, DateTimeOffset? DecidedAt, string Recommendation);
