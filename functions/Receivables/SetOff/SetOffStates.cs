using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using Receivables.Actions;
using Receivables.Common;
using Receivables.Contact;
using Receivables.Dunning;
using Receivables.Email;
using Receivables.Evidence;
using Receivables.Ledger;
using Receivables.Messaging;
using Receivables.Storage;

namespace Receivables.SetOff;

public static class SetOffStates
{
    public const string Proposed = "proposed";
    public const string Approved = "approved";
    public const string Rejected = "rejected";
}
