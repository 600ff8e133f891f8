/** Small building blocks every module may use: typed process variables, problem details. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.aftersales.shared;
