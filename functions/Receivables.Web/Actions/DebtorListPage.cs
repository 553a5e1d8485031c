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

/// <summary>One page of the debtor list.</summary>
public sealed record DebtorListPage(IReadOnlyList<PortfolioDebtor> Rows, int Total, int Page, int Pages);
