using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Receivables.DebtorPage;
using Receivables.Functions.Hosting;

namespace Receivables.Functions.Triggers;

/// <summary>The debtor's answers (forms on the page). Anonymous: the signed token and a per-form HMAC authenticate them.</summary>
public sealed class DebtorPageAnswer(IDebtorPage page)
{
    [Function(nameof(DebtorPageAnswer))]
    public Task<HttpResponseData> Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "debtor/{token}/{action}")] HttpRequestData request, string token, string action, CancellationToken cancellationToken) =>
        request.AnswerAsync(page, token, action, cancellationToken);
}
