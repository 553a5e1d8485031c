using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Receivables.Actions;
using Receivables.Common;
using Receivables.Contact;
using Receivables.Dunning;
using Receivables.Evidence;
using Receivables.Hosting;
using Receivables.Plans;
using Receivables.Storage;

namespace Receivables.Replies;

/// <summary>How a reply was tied to its case.</summary>
public sealed record ReplyMatch(CaseView? Case, string MatchedBy, IReadOnlyList<CaseView> Candidates);
