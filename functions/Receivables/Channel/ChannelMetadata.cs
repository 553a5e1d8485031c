namespace Receivables.Channel;

/// <summary>Evidence names of the channel rule.</summary>
public static class ChannelMetadata
{
    /// <summary>How a letter reached (or is to reach) the debtor: <c>email</c>, <c>post (to be posted)</c>, <c>post</c>.</summary>
    public const string Channel = "channel";

    /// <summary>A letter printed to PDF for posting.</summary>
    public const string PrintedLetterKind = "printed-letter";
}
