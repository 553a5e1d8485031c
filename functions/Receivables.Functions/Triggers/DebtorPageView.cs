using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Receivables.DebtorPage;
using Receivables.Functions.Hosting;

namespace Receivables.Functions.Triggers;

/// <summary>The debtor's page, its letter and invoice PDFs. Anonymous: the signed token in the address is the authentication.</summary>
public sealed class DebtorPageView(IDebtorPage page)
{
    [Function(nameof(DebtorPageView))]
    public Task<HttpResponseData> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "debtor/{token}/{*resource}")] HttpRequestData request, string token, string? resource, CancellationToken cancellationToken) =>
        request.AnswerAsync(page, token, resource, cancellationToken);
}
