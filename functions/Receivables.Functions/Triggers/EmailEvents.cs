using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Receivables.Common;
using Receivables.Functions.Hosting;

namespace Receivables.Functions.Triggers;

/// <summary>SendGrid's event webhook (delivered, bounce, dropped, spam report); the library verifies the signature.</summary>
public sealed class EmailEvents(IEmailEventsWebhook webhook)
{
    [Function(nameof(EmailEvents))]
    public Task<HttpResponseData> Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "email-events")] HttpRequestData request, CancellationToken cancellationToken) =>
        request.ForwardAsync(null, webhook.HandleAsync, cancellationToken);
}
