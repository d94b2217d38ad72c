package org.stompest.camel.contract;

/** The delivery contract cases on ActiveMQ Classic 6.3.1 (KahaDB) in a child JVM. */
class ClassicDeliveryContractIT extends DeliveryContractCases {
    @Override
    ContractBroker.Flavour flavour() {
        return ContractBroker.Flavour.CLASSIC;
    }
}
