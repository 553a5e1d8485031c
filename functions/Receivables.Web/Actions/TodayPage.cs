using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using MimeKit;
using Receivables.Actions;
using Receivables.Common;
using Receivables.Dunning;
using Receivables.Evidence;
using Receivables.Ledger;
using Receivables.Plans;
using Receivables.Portfolio;

namespace Receivables.Web.Actions;

/// <summary>One page of Today's work queue.</summary>
public sealed record TodayPage(IReadOnlyList<TodayItem> Items, int Total, int Page, int Pages);
