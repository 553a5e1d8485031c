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

/// <summary>A hook between steps of the send-reminder handler (no-op in production; tests crash here).</summary>
public interface ISendStepHook
{
    void Reached(string step, string key);
}
