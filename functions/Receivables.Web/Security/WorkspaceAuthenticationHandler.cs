using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Receivables.Web.Security;

/// <summary>
/// Who is working. Local mode: the configured local operator, a controller. App Service mode: the principal App Service
/// Authentication put in <c>X-MS-CLIENT-PRINCIPAL</c> (base64 JSON of claims), whose <c>roles</c> claims carry the app
/// roles. The header is read only in App Service mode, where the platform strips any copy a client sends.
/// </summary>
public sealed class WorkspaceAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptions<WorkspaceOptions> workspace) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Workspace";
    public const string PrincipalHeader = "X-MS-CLIENT-PRINCIPAL";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!workspace.Value.BehindAppService)
        {
            var local = new ClaimsIdentity([new Claim(ClaimTypes.Name, workspace.Value.LocalUser), new Claim(ClaimTypes.Role, WorkspaceRoles.Controller)], SchemeName);
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(local), SchemeName)));
        }

        if (!Request.Headers.TryGetValue(PrincipalHeader, out var header) || string.IsNullOrWhiteSpace(header))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        try
        {
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(Parse(header.ToString())), SchemeName)));
        }
        catch (Exception e) when (e is FormatException or JsonException or InvalidOperationException)
        {
            return Task.FromResult(AuthenticateResult.Fail("The X-MS-CLIENT-PRINCIPAL header is not valid."));
        }
    }

    /// <summary>Reads App Service Authentication's principal: <c>{"auth_typ","name_typ","role_typ","claims":[{"typ","val"}]}</c>.</summary>
    public static ClaimsIdentity Parse(string base64)
    {
        using var document = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(base64)));
        var root = document.RootElement;
        var nameType = root.TryGetProperty("name_typ", out var n) && n.GetString() is { Length: > 0 } nt ? nt : ClaimTypes.Name;
        var roleType = root.TryGetProperty("role_typ", out var r) && r.GetString() is { Length: > 0 } rt ? rt : ClaimTypes.Role;
        var claims = new List<Claim>();
        string? name = null;
        foreach (var claim in root.GetProperty("claims").EnumerateArray())
        {
            var type = claim.GetProperty("typ").GetString() ?? "";
            var value = claim.GetProperty("val").GetString() ?? "";
            if (type == nameType || type == "preferred_username" || type == "name")
            {
                name ??= value;
            }

            if (type == roleType || type == "roles" || type == ClaimTypes.Role)
            {
                claims.Add(new Claim(ClaimTypes.Role, value));
            }
        }

        claims.Add(new Claim(ClaimTypes.Name, name ?? throw new InvalidOperationException("The principal has no name.")));
        return new ClaimsIdentity(claims, SchemeName);
    }
}
