/*
title: LADO referrals
area: Registers
unit: count
polarity: neutral
period_type: flow
order: 40
definition: >
  Contacts with the Local Authority Designated Officer about an adult who works with
  children, received in the period, that met the threshold for the LADO process
  (referrals; consultations, advice only, are not counted). The adult is known by the
  LADO's case reference only, which the drill-down does not show.
source: Working Together to Safeguard Children 2018, chapter 2 (allegations against people who work with children); local LADO register
numerator: referrals received in the period
requires: [registers.lado_contacts.received_on, registers.lado_contacts.met_threshold]
*/
SELECT p.period, CAST(NULL AS VARCHAR) AS child_id, TRUE AS in_numerator,
       FALSE AS in_denominator, l.received_on, l.sector, l.category, l.outcome,
       l.concluded_on
FROM periods p
JOIN registers.lado_contacts l ON l.received_on BETWEEN p.period_start AND p.period_end
    AND l.met_threshold
