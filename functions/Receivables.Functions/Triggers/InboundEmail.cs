using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Receivables.Common;
using Receivables.Functions.Hosting;

namespace Receivables.Functions.Triggers;

/// <summary>SendGrid Inbound Parse posts debtors' replies here; the library checks the route secret and stores the reply.</summary>
public sealed class InboundEmail(IInboundEmailWebhook webhook)
{
    [Function(nameof(InboundEmail))]
    public Task<HttpResponseData> Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "inbound/{secret?}")] HttpRequestData request, string? secret, CancellationToken cancellationToken) =>
        request.ForwardAsync(secret, webhook.HandleAsync, cancellationToken);
}
