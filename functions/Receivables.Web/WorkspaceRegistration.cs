using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Receivables.Web.Actions;
using Receivables.Web.Security;
using Receivables.Web.Text;

namespace Receivables.Web;

public static class WorkspaceRegistration
{
    /// <summary>Norwegian bokmål first; English by the language switch.</summary>
    public static readonly CultureInfo[] Cultures = [new("nb-NO"), new("en-GB")];

    /// <summary>The workspace's pages, identity, roles and actions. The product itself is <c>AddReceivables</c>.</summary>
    public static IServiceCollection AddWorkspace(this IServiceCollection services)
    {
        services.AddOptions<WorkspaceOptions>().BindConfiguration(WorkspaceOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddAuthentication(WorkspaceAuthenticationHandler.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, WorkspaceAuthenticationHandler>(WorkspaceAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(WorkspaceRoles.Read, p => p.RequireAuthenticatedUser().RequireRole(WorkspaceRoles.Controller, WorkspaceRoles.Viewer))
            .AddPolicy(WorkspaceRoles.Act, p => p.RequireAuthenticatedUser().RequireRole(WorkspaceRoles.Controller));
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "receivables-af";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.FormFieldName = "__af";
        });
        services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/", WorkspaceRoles.Read);
            o.Conventions.AllowAnonymousToPage("/Denied");
        })
            .AddMvcOptions(o => o.Filters.Add<ActingRequiresController>())
            .AddApplicationPart(typeof(WorkspaceRegistration).Assembly);
        services.TryAddSingleton<Texts>();
        services.TryAddSingleton<TaskWords>();
        services.TryAddSingleton<TimelineWords>();
        services.TryAddSingleton<EffectWords>();
        services.TryAddSingleton<WorkspaceActions>();
        services.TryAddSingleton<WorkspaceQueries>();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Cultures[0]);
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            o.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
        return services;
    }

    /// <summary>The middleware and routes of the workspace (pages at <c>/</c>, assets at <c>/assets/</c>).</summary>
    public static void UseWorkspace(this WebApplication app)
    {
        app.UseSecurityHeaders();
        app.UseStatusCodePagesWithReExecute("/Denied", "?code={0}");
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapGet("/assets/{name}", (string name) => Asset(name)).AllowAnonymous();
        app.MapGet("/language/{code}", (HttpContext context, string code, string? back) =>
        {
            var culture = code == "en" ? Cultures[1] : Cultures[0];
            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { SameSite = SameSiteMode.Lax, HttpOnly = true, IsEssential = true, MaxAge = TimeSpan.FromDays(365) });
            return Results.LocalRedirect(back is { Length: > 0 } && back.StartsWith('/') && !back.StartsWith("//", StringComparison.Ordinal) ? back : "/");
        }).AllowAnonymous();
        app.MapRazorPages();
    }

    private static IResult Asset(string name)
    {
        var stream = typeof(WorkspaceRegistration).Assembly.GetManifestResourceStream("assets/" + name);
        if (stream is null)
        {
            return Results.NotFound();
        }

        var type = Path.GetExtension(name) switch
        {
            ".css" => "text/css; charset=utf-8",
            ".js" => "text/javascript; charset=utf-8",
            ".svg" => "image/svg+xml",
            _ => "application/octet-stream",
        };
        return Results.Stream(stream, type);
    }

    internal static Assembly Assembly => typeof(WorkspaceRegistration).Assembly;
}
