using System.ClientModel;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenAI.Chat;
using Receivables.Replies.OpenAI;

namespace Receivables.Plans.OpenAI;

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
