using System.Globalization;
using System.Text.Json;
using Receivables.Common;

namespace Receivables.Replies;

/// <summary>One labelled reply: what a person says the reply is (and the date it states, and whether it tries to instruct the system).</summary>
public sealed record LabelledReply(string Id, ReplyClass Label, DateOnly Received, string Subject, string Text)
{
    public DateOnly? ExpectedDate { get; init; }

    public bool Injection { get; init; }

    public bool AutoSubmitted { get; init; }

    public bool DeliveryReport { get; init; }

    /// <summary>Already the debtor's own words (an .eml's parsed body); otherwise quoted history is cut first.</summary>
    public bool Prepared { get; init; }
}

/// <summary>One reply's result.</summary>
public sealed record Scored(LabelledReply Reply, Triage Triage)
{
    /// <summary>Abstaining counts as Other; the new classes count as the old ones a set labelled with nine classes uses.</summary>
    public bool Correct => Compatible(Reply.Label, Triage.Class);

    public static bool Compatible(ReplyClass gold, ReplyClass got) =>
        gold == got
        || (gold == ReplyClass.Other && got is ReplyClass.Question)
        || (got == ReplyClass.DeliveryFailure && gold is ReplyClass.AutoReply or ReplyClass.Other);
}

/// <summary>A classifier's result on a labelled set.</summary>
public sealed record Accuracy(IReadOnlyList<Scored> Results)
{
    public int Total => Results.Count;

    public int Correct => Results.Count(r => r.Correct);

    public double Ratio => Total == 0 ? 0 : (double)Correct / Total;

    public IEnumerable<Scored> Misses => Results.Where(r => !r.Correct);

    /// <summary>Precision and recall per class (a prediction compatible with the gold label counts as a hit).</summary>
    public IReadOnlyDictionary<ReplyClass, (int Gold, int Predicted, int Hits)> PerClass =>
        Enum.GetValues<ReplyClass>().ToDictionary(c => c, c => (
            Results.Count(r => r.Reply.Label == c),
            Results.Count(r => r.Triage.Class == c),
            Results.Count(r => r.Triage.Class == c && r.Correct)));

    /// <summary>Replies that state a date (gold), and how many got exactly that date.</summary>
    public (int Stated, int Exact) Dates(ReplyClass cls) =>
        (Results.Count(r => r.Reply.Label == cls && r.Reply.ExpectedDate is not null),
         Results.Count(r => r.Reply.Label == cls && r.Reply.ExpectedDate is { } d && r.Triage.Values.Date == d));

    /// <summary>Disputes or liquidity replies that were read as a promise or as already paid (must be zero).</summary>
    public int UnsafeMisses => Results.Count(r => r.Reply.Label is ReplyClass.Dispute or ReplyClass.Liquidity && r.Triage.Class is ReplyClass.PromiseToPay or ReplyClass.AlreadyPaid);

    public (int Gold, int Flagged, int FalseFlags) Injections =>
        (Results.Count(r => r.Reply.Injection), Results.Count(r => r.Reply.Injection && r.Triage.Flags.Contains("instruction-in-reply")),
         Results.Count(r => !r.Reply.Injection && r.Triage.Flags.Contains("instruction-in-reply")));
}

/// <summary>Reads a labelled set (JSON lines: id, label, received, subject, text; optional date, flags) and measures the rule classifier on it.</summary>
public static class LabelledSet
{
    /// <summary>Labels other sets may use for the same classes.</summary>
    private static readonly Dictionary<string, ReplyClass> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Promise"] = ReplyClass.PromiseToPay,
        ["Paid"] = ReplyClass.AlreadyPaid,
        ["Bounce"] = ReplyClass.DeliveryFailure,
        ["Dsn"] = ReplyClass.DeliveryFailure,
        ["NonDelivery"] = ReplyClass.DeliveryFailure,
        ["Copy"] = ReplyClass.CopyRequest,
        ["Contact"] = ReplyClass.ContactChange,
        ["Review"] = ReplyClass.Other,
        ["Abstain"] = ReplyClass.Other,
    };

    public static ReplyClass? ParseLabel(string label) =>
        Enum.TryParse<ReplyClass>(label, ignoreCase: true, out var cls) && Enum.IsDefined(cls) ? cls : Aliases.TryGetValue(label, out var alias) ? alias : null;

    public static IReadOnlyList<LabelledReply> Read(string path)
    {
        var result = new List<LabelledReply>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                using var doc = JsonDocument.Parse(line);
                var root = doc.RootElement;
                string Field(string name) => root.TryGetProperty(name, out var v) && v.GetString() is { } s ? s
                    : throw new ReceivablesException($"{path} line {lineNumber}: field '{name}' is missing.");
                string? Optional(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s ? s : null;
                var label = Field("label");
                var cls = ParseLabel(label)
                    ?? throw new ReceivablesException($"{path} line {lineNumber}: field 'label' '{label}' is not one of {string.Join(", ", Enum.GetNames<ReplyClass>())}.");
                var received = Field("received");
                if (!DateOnly.TryParseExact(received, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    throw new ReceivablesException($"{path} line {lineNumber}: field 'received' '{received}' is not YYYY-MM-DD.");
                }

                DateOnly? expected = null;
                if (Optional("date") is { } stated)
                {
                    expected = DateOnly.TryParseExact(stated, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
                        : throw new ReceivablesException($"{path} line {lineNumber}: field 'date' '{stated}' is not YYYY-MM-DD.");
                }

                result.Add(new LabelledReply(Field("id"), cls, date, Field("subject"), Field("text"))
                {
                    ExpectedDate = expected,
                    Injection = Optional("flags")?.Contains("injection", StringComparison.OrdinalIgnoreCase) == true,
                });
            }
            catch (JsonException e)
            {
                throw new ReceivablesException($"{path} line {lineNumber}: not a JSON object ({e.Message}).");
            }
        }

        return result;
    }

    public static Accuracy Evaluate(IReadOnlyList<LabelledReply> replies) =>
        new([.. replies.Select(r => new Scored(r, RuleClassifier.Classify(r.Subject, r.Prepared ? r.Text : ReplyText.StripQuoted(r.Text), r.AutoSubmitted, r.Received, r.DeliveryReport)))]);
}
