using Microsoft.Azure.Functions.Worker.Http;

namespace Receivables.Tests.Functions.Doubles;

/// <summary>Response cookies; the app sets none, so adding one fails the test.</summary>
public sealed class TestHttpCookies : HttpCookies
{
    public override void Append(string name, string value) => throw new NotSupportedException("the app sets no cookies");

    public override void Append(IHttpCookie cookie) => throw new NotSupportedException("the app sets no cookies");

    public override IHttpCookie CreateNew() => throw new NotSupportedException("the app sets no cookies");
}
