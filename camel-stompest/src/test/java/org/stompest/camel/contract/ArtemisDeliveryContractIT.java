package org.stompest.camel.contract;

/** The delivery contract cases on Apache ActiveMQ Artemis 2.55.0 (journal) in a child JVM. */
class ArtemisDeliveryContractIT extends DeliveryContractCases {
    @Override
    ContractBroker.Flavour flavour() {
        return ContractBroker.Flavour.ARTEMIS;
    }
}
