using System.Globalization;
using System.Text.Json;
using Receivables.Common;

namespace Receivables.Replies;

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
