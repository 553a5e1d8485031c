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

/// <summary>A sent letter as archived: subject, addresses, the text and the HTML part.</summary>
public sealed record ArchivedLetter(string Subject, string From, string To, DateTimeOffset Date, string Text, string? Html, IReadOnlyList<string> Attachments);
