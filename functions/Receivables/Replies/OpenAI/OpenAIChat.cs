using System.ClientModel;
using Azure.AI.OpenAI;
using Azure.Identity;
using OpenAI.Chat;

namespace Receivables.Replies.OpenAI;

/// <summary>The Azure OpenAI chat client of the configured deployment: an API key when set, else the app's identity.</summary>
public static class OpenAIChat
{
    public static ChatClient Create(OpenAIOptions settings)
    {
        var clientOptions = new AzureOpenAIClientOptions { NetworkTimeout = TimeSpan.FromSeconds(30) };
        var azure = string.IsNullOrWhiteSpace(settings.ApiKey)
            ? new AzureOpenAIClient(new Uri(settings.Endpoint!), new DefaultAzureCredential(), clientOptions)
            : new AzureOpenAIClient(new Uri(settings.Endpoint!), new ApiKeyCredential(settings.ApiKey), clientOptions);
        return azure.GetChatClient(settings.Deployment);
    }
}
