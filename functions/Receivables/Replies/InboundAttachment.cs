using System.Text;
using System.Text.Json;
using MimeKit;
using Receivables.Common;

namespace Receivables.Replies;

/// <summary>An attachment of a reply as received (kept in the raw payload; listed here).</summary>
public sealed record InboundAttachment(string FileName, string ContentType, byte[] Content);
