using Dispatch.Core.Access;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Dispatch.App.SignedLinks;

public static class SigningKeyServices
{
    /// <summary>Binds <see cref="SigningKeyOptions"/> (section "Dispatch"), refuses to start with a key the host
    /// must not use, and registers the <see cref="TokenSigner"/> over it.</summary>
    /// <param name="allowDemoKey">A demo or Development host: the public demo key is accepted, and used when no key is set.</param>
    public static IServiceCollection AddSigningKey(this IServiceCollection services, IConfiguration configuration, bool allowDemoKey)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SigningKeyOptions>()
            .Bind(configuration.GetSection(SigningKeyOptions.Section))
            .PostConfigure(o =>
            {
                if (allowDemoKey && string.IsNullOrWhiteSpace(o.SigningKey))
                {
                    o.SigningKey = DemoSigningKey.Value;
                }
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<SigningKeyOptions>>(new SigningKeyValidation(allowDemoKey));
        services.TryAddSingleton(sp => new TokenSigner(sp.GetRequiredService<IOptions<SigningKeyOptions>>().Value.ToKeys(allowDemoKey)));
        return services;
    }

    /// <summary>Turns a bad key into a start-up failure whose message names the setting and the fix.</summary>
    private sealed class SigningKeyValidation(bool allowDemoKey) : IValidateOptions<SigningKeyOptions>
    {
        public ValidateOptionsResult Validate(string? name, SigningKeyOptions options)
        {
            try
            {
                options.ToKeys(allowDemoKey);
                return ValidateOptionsResult.Success;
            }
            catch (InvalidSigningKeyException e)
            {
                return ValidateOptionsResult.Fail(e.Message);
            }
        }
    }
}
