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

internal sealed class NoSendStepHook : ISendStepHook
{
    public void Reached(string step, string key)
    {
    }
}
