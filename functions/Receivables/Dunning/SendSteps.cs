using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Receivables.Common;
using Receivables.Email;
using Receivables.Evidence;
using Receivables.Hosting;
using Receivables.Ledger;
using Receivables.Messaging;
using Receivables.Storage;

namespace Receivables.Dunning;

/// <summary>Named points between the handler's steps; tests inject a failure at each to prove exactly-once sending.</summary>
public static class SendSteps
{
    public const string IntentRecorded = "intent-recorded";
    public const string EmailSent = "email-sent";
    public const string SentRecorded = "sent-recorded";
    public const string Archived = "archived";
}
