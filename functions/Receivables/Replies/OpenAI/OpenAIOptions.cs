using System.ComponentModel.DataAnnotations;

namespace Receivables.Replies.OpenAI;

/// <summary>Azure OpenAI for reply triage (<c>Receivables:OpenAI</c>). Without Endpoint and Deployment the rules decide alone.</summary>
public sealed class OpenAIOptions
{
    public const string Section = "Receivables:OpenAI";

    /// <summary>The Azure OpenAI resource, e.g. https://my-resource.openai.azure.com/.</summary>
    public string? Endpoint { get; init; }

    /// <summary>The chat model deployment's name.</summary>
    public string? Deployment { get; init; }

    /// <summary>Optional key; without it the app signs in with its managed identity (DefaultAzureCredential).</summary>
    public string? ApiKey { get; init; }

    /// <summary>Below this confidence the model's answer is ignored: the rules decide and the reply is flagged.</summary>
    [Range(0.0, 1.0, ErrorMessage = "Receivables:OpenAI:MinConfidence must be 0..1.")]
    public double MinConfidence { get; init; } = 0.7;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Endpoint) && !string.IsNullOrWhiteSpace(Deployment);
}
