namespace Receivables.Email.SendGrid;

/// <summary>SendGrid refused a message (4xx other than 429, or retries used up). Names the status and SendGrid's error body.</summary>
public sealed class SendGridRejectedException(int statusCode, string responseBody, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;

    public string ResponseBody { get; } = responseBody;
}
