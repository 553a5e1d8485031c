namespace Receivables.Replies;

/// <summary>An attachment of a reply as received (kept in the raw payload; listed here).</summary>
public sealed record InboundAttachment(string FileName, string ContentType, byte[] Content);
