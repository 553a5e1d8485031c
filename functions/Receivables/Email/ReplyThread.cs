namespace Receivables.Email;

/// <summary>
/// The debtor's message an answer replies to: its Message-ID, its References and its subject. An answer names the
/// message in <c>In-Reply-To</c> and <c>References</c> (RFC 5322 § 3.6.4) and keeps the subject with "SV: " (nb) or
/// "Re: " (en), so it lands in the same conversation in the debtor's mail program.
/// </summary>
public sealed record ReplyThread(string MessageId, IReadOnlyList<string> References, string Subject)
{
    private static readonly string[] ReplyPrefixes = ["re:", "sv:", "aw:", "antw:"];

    /// <summary>The thread of an inbound message, or null when it has no Message-ID to answer.</summary>
    public static ReplyThread? Of(string? messageId, IReadOnlyList<string>? references, string? subject) =>
        string.IsNullOrWhiteSpace(messageId) ? null : new ReplyThread(Bare(messageId), [.. (references ?? []).Select(Bare).Where(r => r.Length > 0)], subject ?? "");

    /// <summary>The answer's subject: the debtor's subject without its reply prefixes, after "SV: " or "Re: ".</summary>
    public string SubjectFor(string language)
    {
        var subject = Subject.Trim();
        var stripped = true;
        while (stripped)
        {
            stripped = false;
            foreach (var prefix in ReplyPrefixes)
            {
                if (subject.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                {
                    subject = subject[prefix.Length..].TrimStart();
                    stripped = true;
                }
            }
        }

        return (language == "en" ? "Re: " : "SV: ") + subject;
    }

    /// <summary>The answer's References: the message's own References, then the message itself.</summary>
    public IReadOnlyList<string> ReferencesOfAnswer() => [.. References.Where(r => r != MessageId), MessageId];

    /// <summary>Stored form (one line): id, subject, references separated by tabs.</summary>
    public string ToStored() => string.Join('\t', [MessageId, Subject.ReplaceLineEndings(" ").Replace('\t', ' '), .. References]);

    public static ReplyThread? FromStored(string? stored)
    {
        if (string.IsNullOrEmpty(stored))
        {
            return null;
        }

        var parts = stored.Split('\t');
        return new ReplyThread(parts[0], parts.Length > 2 ? parts[2..] : [], parts.Length > 1 ? parts[1] : "");
    }

    private static string Bare(string id) => id.Trim().Trim('<', '>');
}
