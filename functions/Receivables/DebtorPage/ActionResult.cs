using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Receivables.Common;
using Receivables.Contact;
using Receivables.Dunning;
using Receivables.Email;
using Receivables.Evidence;
using Receivables.Messaging;
using Receivables.Plans;
using Receivables.Replies;
using Receivables.Storage;

namespace Receivables.DebtorPage;

/// <summary>What a posted form led to: the action done (redirect to its notice) or the page again with errors.</summary>
public sealed record ActionResult(string? Done, string? Page);
