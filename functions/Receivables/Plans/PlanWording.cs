using System.ClientModel;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenAI.Chat;
using Receivables.Replies.OpenAI;

namespace Receivables.Plans;

/// <summary>Rewrites a proposal's prose in a friendlier tone. Returns null when it cannot (no model configured, failure).</summary>
public interface IPlanWording
{
    Task<string?> RewriteAsync(string prose, string language, CancellationToken cancellationToken = default);
}

/// <summary>
/// Azure OpenAI rewrites the prose when <c>Receivables:OpenAI</c> is configured; otherwise the template's words stand.
/// The model never sees or writes the schedule table, and its text is only used after <see cref="NumberCheck"/>.
/// </summary>
public sealed class ModelPlanWording(IOptions<OpenAIOptions> options, ILogger<ModelPlanWording> logger) : IPlanWording
{
    private const string Instructions =
        "You improve the wording of a letter from a Norwegian creditor to a debtor who cannot pay everything now. " +
        "Rewrite the text in a warmer, plain and respectful tone in the same language. Keep every number, amount, date, " +
        "percentage, KID and account number exactly as written, add none and drop none. Do not add promises, terms, " +
        "threats or legal statements that are not in the text. Answer with the rewritten text only.";

    private ChatClient? client;

    public async Task<string?> RewriteAsync(string prose, string language, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        if (!settings.IsConfigured)
        {
            return null;
        }

        try
        {
            var completion = await Client(settings).CompleteChatAsync(
                [new SystemChatMessage(Instructions + " Language: " + (language == "en" ? "English." : "Norwegian bokmål.")), new UserChatMessage(prose)],
                new ChatCompletionOptions { Temperature = 0.3f },
                cancellationToken);
            var text = completion.Value.Content.Count > 0 ? completion.Value.Content[0].Text?.Trim() : null;
            return string.IsNullOrWhiteSpace(text) ? null : text;
        }
        catch (Exception e) when (e is ClientResultException or HttpRequestException or InvalidOperationException or ArgumentException)
        {
            logger.LogWarning(e, "Plan wording by model failed; the template's wording is used");
            return null;
        }
    }

    private ChatClient Client(OpenAIOptions settings) => client ??= OpenAIChat.Create(settings);
}

/// <summary>
/// Compares the numbers of two texts: amounts, dates, percentages, KIDs. A rewrite passes only when it states exactly
/// the numbers of the original (same values, same count), so a model cannot change, add or drop a figure.
/// </summary>
public static partial class NumberCheck
{
    /// <summary>The differences, empty when the rewrite keeps every number.</summary>
    public static IReadOnlyList<string> Differences(string original, string rewrite)
    {
        var expected = Numbers(original);
        var actual = Numbers(rewrite);
        var differences = new List<string>();
        foreach (var group in expected.GroupBy(n => n))
        {
            var found = actual.Count(n => n == group.Key);
            if (found < group.Count())
            {
                differences.Add($"'{group.Key}' missing");
            }
        }

        foreach (var group in actual.GroupBy(n => n))
        {
            var wanted = expected.Count(n => n == group.Key);
            if (group.Count() > wanted)
            {
                differences.Add(wanted == 0 ? $"'{group.Key}' added" : $"'{group.Key}' repeated");
            }
        }

        return differences;
    }

    /// <summary>Every number in the text, normalised: spaces inside amounts removed ("12 500,00" = "12500,00").</summary>
    public static List<string> Numbers(string text) =>
        [.. NumberPattern().Matches(text).Select(m => Regex.Replace(m.Value, @"[\s\u00A0\u202F]", "").TrimEnd('.', ','))];

    [GeneratedRegex(@"\d+(?:[\s\u00A0\u202F]\d{3})*(?:[.,:/-]\d+)*", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();
}
