namespace Receivables.Replies;

/// <summary>The queue message that asks for a stored reply to be processed.</summary>
public sealed record ProcessReplyMessage(string ReplyId);
