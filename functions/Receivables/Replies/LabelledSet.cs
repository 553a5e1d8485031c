using System.Globalization;
using System.Text.Json;
using Receivables.Common;

namespace Receivables.Replies;

/// <summary>One labelled reply: what a person says the reply is.</summary>
public sealed record LabelledReply(string Id, ReplyClass Label, DateOnly Received, string Subject, string Text);

/// <summary>The rule classifier's result on a labelled set.</summary>
public sealed record Accuracy(int Total, int Correct, IReadOnlyList<(LabelledReply Reply, ReplyClass Got)> Misses, IReadOnlyDictionary<ReplyClass, (int Total, int Correct)> PerClass)
{
    public double Ratio => Total == 0 ? 0 : (double)Correct / Total;
}

/// <summary>Reads a labelled set (JSON lines: id, label, received, subject, text) and measures the rule classifier on it.</summary>
public static class LabelledSet
{
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
                var label = Field("label");
                if (!Enum.TryParse<ReplyClass>(label, out var cls))
                {
                    throw new ReceivablesException($"{path} line {lineNumber}: field 'label' '{label}' is not one of {string.Join(", ", Enum.GetNames<ReplyClass>())}.");
                }

                var received = Field("received");
                if (!DateOnly.TryParseExact(received, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    throw new ReceivablesException($"{path} line {lineNumber}: field 'received' '{received}' is not YYYY-MM-DD.");
                }

                result.Add(new LabelledReply(Field("id"), cls, date, Field("subject"), Field("text")));
            }
            catch (JsonException e)
            {
                throw new ReceivablesException($"{path} line {lineNumber}: not a JSON object ({e.Message}).");
            }
        }

        return result;
    }

    public static Accuracy Evaluate(IReadOnlyList<LabelledReply> replies)
    {
        var misses = new List<(LabelledReply, ReplyClass)>();
        var perClass = new Dictionary<ReplyClass, (int Total, int Correct)>();
        foreach (var reply in replies)
        {
            var got = RuleClassifier.Classify(reply.Subject, ReplyText.StripQuoted(reply.Text), false, reply.Received).Class;
            var (total, correct) = perClass.GetValueOrDefault(reply.Label);
            perClass[reply.Label] = (total + 1, correct + (got == reply.Label ? 1 : 0));
            if (got != reply.Label)
            {
                misses.Add((reply, got));
            }
        }

        return new Accuracy(replies.Count, replies.Count - misses.Count, misses, perClass);
    }
}
