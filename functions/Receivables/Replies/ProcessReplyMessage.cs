using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Receivables.Common;
using Receivables.Storage;

namespace Receivables.Replies;

/// <summary>The queue message that asks for a stored reply to be processed.</summary>
public sealed record ProcessReplyMessage(string ReplyId);
