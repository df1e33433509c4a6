using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Grants.Domain.Catalog;
using Grants.Domain.Tests.Fixtures;

namespace Grants.Domain.Tests.Shared;

public sealed partial class DomainEventsTests
{
    private static readonly Type[] EventTypes = typeof(IDomainEvent).Assembly.GetTypes()
        .Where(t => typeof(IDomainEvent).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false })
        .ToArray();

    /// <summary>The same options as the event store's (snake_case, enum names, required constructor parameters).</summary>
    private static readonly JsonSerializerOptions StoreJson = new(JsonSerializerDefaults.General)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false) },
        NumberHandling = JsonNumberHandling.Strict,
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
    };

    [Fact]
    public void Given_the_stored_names_When_listed_Then_they_are_exactly_the_names_ever_written()
    {
        // Names are forever: this list only ever grows. Changing or removing one orphans stored events.
        string[] expected =
        [
            "applicant_registered.v1", "applicant_credit_flagged.v1", "applicant_credit_cleared.v1",
            "application_submitted.v1", "application_withdrawn.v1", "eligibility_confirmed.v1", "eligibility_rejected.v1",
            "application_assessed.v1", "award_first_approval_recorded.v1", "award_approved.v1", "application_rejected.v1",
            "award_amendment_first_approval_recorded.v1", "award_amended.v1", "payments_held.v1", "payments_released.v1",
            "tranche_instructed.v1", "payment_confirmed.v1", "payment_returned.v1", "clawback_ordered.v1", "clawback_recovered.v1",
            "clawback_written_off.v1", "application_closed.v1", "appropriation_made.v1", "appropriation_adjusted.v1",
        ];

        Assert.Equal(expected, DomainEvents.All.Where(e => typeof(IDomainEvent).IsAssignableFrom(e.Type)).Select(e => e.Name));
    }

    [Fact]
    public void Given_the_one_list_When_read_Then_names_and_types_are_unique_and_the_catalog_events_are_included()
    {
        Assert.Equal(DomainEvents.All.Count, DomainEvents.All.Select(e => e.Name).Distinct().Count());
        Assert.Equal(DomainEvents.All.Count, DomainEvents.All.Select(e => e.Type).Distinct().Count());
        Assert.All(CatalogEvents.All, c => Assert.Contains(c, DomainEvents.All));
    }

    [Fact]
    public void Given_every_domain_event_type_When_inspected_Then_it_is_listed_under_its_own_name_constant()
    {
        Assert.All(EventTypes, type =>
        {
            var constant = type.GetField("Name", BindingFlags.Public | BindingFlags.Static);
            Assert.True(constant is { IsLiteral: true }, $"{type.Name} has no const Name");
            Assert.Contains((constant!.GetRawConstantValue() as string ?? "", type), DomainEvents.All);
            Assert.Matches(NamePattern(), (string)constant.GetRawConstantValue()!);
        });
        Assert.Equal(EventTypes.Length, DomainEvents.All.Count(e => typeof(IDomainEvent).IsAssignableFrom(e.Type)));
    }

    [Fact]
    public void Given_one_sample_of_every_event_When_serialised_like_the_store_does_and_read_back_Then_it_is_equal()
    {
        Assert.Equal(EventTypes.OrderBy(t => t.Name), SampleEvents.All.Select(e => e.GetType()).OrderBy(t => t.Name));
        Assert.All(SampleEvents.All, e =>
        {
            var json = JsonSerializer.Serialize(e, e.GetType(), StoreJson);
            Assert.Equal(e, JsonSerializer.Deserialize(json, e.GetType(), StoreJson));
        });
    }

    [Fact]
    public void Given_a_money_event_When_serialised_Then_ids_are_bare_strings_money_is_bare_fen_and_derived_keys_are_not_stored()
    {
        var approved = SampleEvents.All.OfType<Domain.Applications.Approving.AwardApproved>().Single();

        var json = JsonSerializer.Serialize(approved, StoreJson);

        Assert.Contains("\"application_id\":\"HP-2025-000001\"", json, StringComparison.Ordinal);
        Assert.Contains("\"amount\":20000000", json, StringComparison.Ordinal);
        Assert.Contains("\"paying_bureau\":\"HP-IPO\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"budget\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"beneficiary\":", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_an_event_When_asking_its_stored_name_Then_the_list_answers()
    {
        Assert.Equal("award_approved.v1", DomainEvents.NameOf(SampleEvents.All.OfType<Domain.Applications.Approving.AwardApproved>().Single()));
    }

    [GeneratedRegex(@"^[a-z][a-z_]*\.v[0-9]+$")]
    private static partial Regex NamePattern();
}
