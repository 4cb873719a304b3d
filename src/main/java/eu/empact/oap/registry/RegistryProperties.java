package eu.empact.oap.registry;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the registry ({@code empact.registry.*}).
 *
 * @param membershipRule which actors are the Member States of an OAP whose period spans a change of
 *     EU membership: {@code first-day} (default), {@code any-day} or {@code every-day}
 */
@ConfigurationProperties("empact.registry")
public record RegistryProperties(@DefaultValue("first-day") MembershipRule membershipRule) {}
