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

/// <summary>The last reminder a debtor was sent: its stage (friendly, reminder, collection notice) and date.</summary>
public sealed record LastLetter(string Stage, DateOnly Sent);
